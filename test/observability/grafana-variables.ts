/**
 * `expr` with the Grafana variables the dashboard uses replaced by `values` (`job`, `instance`,
 * `__rate_interval`, `__range`…); a variable left without a value is an error, so a new one cannot
 * slip past the Prometheus test unevaluated.
 */
export function substituteGrafanaVariables(expr: string, values: Readonly<Record<string, string>>): string {
  return expr.replace(/\$\{?(\w+)\}?/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for Grafana variable $${name} in: ${expr}`);
    return value;
  });
}
