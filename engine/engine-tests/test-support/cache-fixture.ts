/** The pipeline and data the cache tests share (in one process and across processes). */

export const ALL = ['adults', 'by_city', 'cities', 'joined', 'people', 'report', 'scored', 'summary'];

// people → adults → scored ─┐
//                            joined → report (CSV)
// cities ────────────────────┘
//        └→ by_city → summary (Parquet)
export function pipeline(minimumScore = 5): string {
  return `millrace: 1
name: cache-behaviour
nodes:
  - id: people
    type: read_csv
    params: { path: data/people.csv }
  - id: cities
    type: read_json
    params: { path: data/cities.json }
  - id: adults
    type: filter
    inputs: { in: people }
    params: { condition: '"Score (pts)" > ${minimumScore}' }
  - id: scored
    type: derive
    inputs: { in: adults }
    params: { columns: { double: '"Score (pts)" * 2' } }
  - id: joined
    type: join
    inputs: { left: scored, right: cities }
    params: { how: inner, on: [id] }
  - id: report
    type: write_csv
    inputs: { in: joined }
    params: { path: out/joined.csv }
  - id: by_city
    type: aggregate
    inputs: { in: cities }
    params: { group_by: [city], aggregations: { n: count(*) } }
  - id: summary
    type: write_parquet
    inputs: { in: by_city }
    params: { path: out/summary.parquet }
`;
}

export const PEOPLE = 'id,name,Score (pts)\n1,Ann,10\n2,Bo,20\n3,Cy,\n4,Di,3\n5,"O\'Brien",40\n';
export const CITIES = '[{"id":1,"city":"Oslo"},{"id":2,"city":"Lima"},{"id":5,"city":"Oslo"}]';
