import { customerRepositorySuite } from '../testing/customer-repository-suite';
import { repositorySuite } from '../testing/repository-suite';
import { createTestWinthor } from '../testing/test-winthor';

repositorySuite('banco embutido', () => createTestWinthor());
customerRepositorySuite('banco embutido', () => createTestWinthor());
