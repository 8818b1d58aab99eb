import { repositorySuite } from '../repository-suite.test-support';
import { createTestWinthor } from '../test-winthor.test-support';

repositorySuite('banco embutido', () => createTestWinthor());
