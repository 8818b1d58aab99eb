import { repositorySuite } from '../testing/repository-suite';
import { createTestWinthor } from '../testing/test-winthor';

repositorySuite('banco embutido', () => createTestWinthor());
