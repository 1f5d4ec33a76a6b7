import { getMetricsFromIterator, type PromHistogramData, type PromMetrics } from 'prom2javascript';

type Labels = Readonly<Record<string, string>>;
/** What every kind of sample has, and what this class sums: a value, or a histogram's count. */
type Sample = { readonly labels: Labels } & Partial<Pick<PromHistogramData, 'count'>> & { readonly value?: number };

/**
 * One scrape of a Prometheus endpoint, parsed by a real text-format parser (prom2javascript), with
 * sums over the samples that carry some labels.
 */
export class PrometheusScrape {
  private constructor(private readonly families: PromMetrics) {}

  static async of(url: string, init?: RequestInit): Promise<PrometheusScrape> {
    const res = await fetch(url, init);
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
    return PrometheusScrape.parse(await res.text());
  }

  /**
   * Samples whose value is NaN are left out: prom-client writes NaN as `Nan` (a gauge with nothing
   * measured yet, such as the event loop lag before its first sample), which Prometheus reads but
   * prom2javascript cannot. Any other line it cannot read fails the parse.
   */
  static async parse(text: string): Promise<PrometheusScrape> {
    const lines = text.split('\n').filter((line) => !/\sNaN$/i.test(line));
    return new PrometheusScrape(await getMetricsFromIterator(lines[Symbol.iterator]()));
  }

  /** The family's type (`counter`, `histogram`…), undefined when the scrape has no such family. */
  type(name: string): string | undefined {
    return this.families[name]?.type;
  }

  /** Sum of the values of a counter's or gauge's samples carrying `labels` (0 when none does). */
  value(name: string, labels: Labels = {}): number {
    return this.samples(name, labels).reduce((sum, sample) => sum + (sample.value ?? 0), 0);
  }

  /** Sum of the observation counts of a histogram's samples carrying `labels`. */
  count(name: string, labels: Labels = {}): number {
    return this.samples(name, labels).reduce((sum, sample) => sum + (sample.count ?? 0), 0);
  }

  /** The label sets of a family's samples. */
  labelSets(name: string): Labels[] {
    return this.samples(name, {}).map((sample) => sample.labels);
  }

  /** Every label value of every sample of every family. */
  labelValues(): string[] {
    return Object.values(this.families).flatMap((family) =>
      (family.data as Sample[]).flatMap((sample) => Object.values(sample.labels)),
    );
  }

  private samples(name: string, labels: Labels): Sample[] {
    const family = this.families[name];
    if (family === undefined) throw new Error(`no metric ${name} in the scrape`);
    return (family.data as Sample[]).filter((sample) =>
      Object.entries(labels).every(([label, value]) => sample.labels[label] === value),
    );
  }
}
