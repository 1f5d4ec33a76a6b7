// Time limits that matter are asserted by the tests themselves; this one only stops a stuck test.
jest.setTimeout(20000);
