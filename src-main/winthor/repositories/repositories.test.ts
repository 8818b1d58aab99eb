import { customerRepositorySuite } from '../customer-repository-suite.test-support';
import { repositorySuite } from '../repository-suite.test-support';
import { createTestWinthor } from '../test-winthor.test-support';

repositorySuite('banco embutido', () => createTestWinthor());
customerRepositorySuite('banco embutido', () => createTestWinthor());
