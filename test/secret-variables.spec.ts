import { SECRET_VARIABLES } from '@app/testing';
import { ALL_CONFIG_NAMESPACES } from '../scripts/all-config-namespaces';
import { isSecretVariable } from './deploy/deployed-environment';

describe('the secrets the e2e run looks for in its logs', () => {
  it('come from every variable a config namespace marks secret, and from the OAuth fixture', () => {
    const declared = ALL_CONFIG_NAMESPACES.flatMap((namespace) =>
      Object.entries(namespace.variables)
        .filter(([, schema]) => isSecretVariable(schema))
        .map(([name]) => name),
    );
    expect(Object.keys(SECRET_VARIABLES).sort()).toEqual([...declared, 'OAUTH_FIXTURE_CLIENT_SECRET'].sort());
  });
});
