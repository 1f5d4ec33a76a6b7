// Jest reads `testTimeout` from the root configuration only: inside a project it is accepted and ignored,
// so the e2e project sets its per-test and per-hook limit here, for each of its test files.
// Hooks start several real processes (servers, the fake, an OAuth server); on a busy 2-core machine
// that can pass Jest's 5 s default. Time limits that matter are asserted by the tests themselves.
jest.setTimeout(20_000);
