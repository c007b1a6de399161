/** Fills `{name}` placeholders; an unknown placeholder is an authoring error, so it throws. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`format: no value for {${name}} in "${template}"`);
    return String(values[name]);
  });
}
