import { customerRepositorySuite } from '../customer-repository-suite.test-support';
import { repositorySuite } from '../repository-suite.test-support';
import { engineLeaseSuite } from '../engine-lease-suite.test-support';
import { storeOrdersSuite } from '../store-orders-suite.test-support';
import { createTestWinthor } from '../test-winthor.test-support';

repositorySuite('banco embutido', () => createTestWinthor());
customerRepositorySuite('banco embutido', () => createTestWinthor());
storeOrdersSuite('banco embutido', () => createTestWinthor({ products: 1, customers: 1 }));
engineLeaseSuite('banco embutido', () => createTestWinthor({ products: 1, customers: 1 }));
