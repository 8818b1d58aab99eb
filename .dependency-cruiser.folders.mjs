// dependency-cruiser: no import cycle between folders of production code (ADR 0013).
// A separate run because tests are left out: an integration test in src-main/api may build the
// runtime (which imports api) without making the two folders a cycle. Module cycles, tests
// included, are checked by .dependency-cruiser.mjs.
import base, { TEST_CODE } from './.dependency-cruiser.mjs';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular-folders',
      comment: 'No import cycle between folders of production code (each folder, not only the layers).',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
  ],
  options: { ...base.options, exclude: { path: [TEST_CODE] } },
};
