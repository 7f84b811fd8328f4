-- bench/pipeline.yaml written by hand as one DuckDB query: what a person who knows SQL would
-- write for the same features. {{events}} and {{stores}} stand for the two Parquet files.
-- The one-hot categories are written out, most frequent first, as one_hot finds them.
WITH valid AS (
  SELECT * FROM read_parquet({{events}})
  WHERE status <> 'cancelled' AND price > 2
),
enriched AS (
  SELECT *,
    amount * coalesce(quantity, 1) * (1 - coalesce(discount, 0)) AS revenue,
    hour(ts) AS hour,
    dayofweek(ts) AS weekday,
    ln(1 + latency_ms) AS log_latency
  FROM valid
),
joined AS (
  SELECT e.*, s.region, s.store_size, s.opened_year, s.sqft
  FROM enriched AS e LEFT JOIN read_parquet({{stores}}) AS s ON e.store_id = s.store_id
),
rolling AS (
  SELECT *,
    avg(revenue) OVER (w ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS revenue_avg10,
    lag(revenue, 1) OVER w AS prev_revenue
  FROM joined
  WINDOW w AS (PARTITION BY store_id ORDER BY ts, id)
),
typed AS (
  SELECT * REPLACE (
    CAST(quantity AS DOUBLE) AS quantity, CAST(rating AS DOUBLE) AS rating, CAST(age AS DOUBLE) AS age,
    CAST(hour AS INTEGER) AS hour, CAST(weekday AS INTEGER) AS weekday)
  FROM rolling
),
means AS (
  SELECT avg(amount) AS amount, avg(quantity) AS quantity, avg(discount) AS discount, avg(rating) AS rating,
    avg(age) AS age, avg(revenue) AS revenue, avg(revenue_avg10) AS revenue_avg10, avg(prev_revenue) AS prev_revenue
  FROM typed
),
filled AS (
  SELECT t.* REPLACE (
    coalesce(t.amount, m.amount) AS amount, coalesce(t.quantity, m.quantity) AS quantity,
    coalesce(t.discount, m.discount) AS discount, coalesce(t.rating, m.rating) AS rating,
    coalesce(t.age, m.age) AS age, coalesce(t.revenue, m.revenue) AS revenue,
    coalesce(t.revenue_avg10, m.revenue_avg10) AS revenue_avg10, coalesce(t.prev_revenue, m.prev_revenue) AS prev_revenue)
  FROM typed AS t CROSS JOIN means AS m
)
SELECT
  id, store_id,
  CASE WHEN category = 'electronics' THEN 1 ELSE 0 END AS category_electronics,
  CASE WHEN category = 'grocery' THEN 1 ELSE 0 END AS category_grocery,
  CASE WHEN category = 'clothing' THEN 1 ELSE 0 END AS category_clothing,
  CASE WHEN category = 'home' THEN 1 ELSE 0 END AS category_home,
  CASE WHEN category = 'toys' THEN 1 ELSE 0 END AS category_toys,
  CASE WHEN category = 'sports' THEN 1 ELSE 0 END AS category_sports,
  CASE WHEN category = 'books' THEN 1 ELSE 0 END AS category_books,
  CASE WHEN category = 'garden' THEN 1 ELSE 0 END AS category_garden,
  CASE WHEN channel = 'web' THEN 1 ELSE 0 END AS channel_web,
  CASE WHEN channel = 'app' THEN 1 ELSE 0 END AS channel_app,
  CASE WHEN channel = 'store' THEN 1 ELSE 0 END AS channel_store,
  CASE WHEN channel = 'phone' THEN 1 ELSE 0 END AS channel_phone,
  CASE WHEN device = 'android' THEN 1 ELSE 0 END AS device_android,
  CASE WHEN device = 'ios' THEN 1 ELSE 0 END AS device_ios,
  CASE WHEN device = 'desktop' THEN 1 ELSE 0 END AS device_desktop,
  amount, quantity, price, discount, rating, score, visits, age, balance,
  revenue, hour, weekday, log_latency,
  CASE WHEN region = 'north' THEN 1 ELSE 0 END AS region_north,
  CASE WHEN region = 'south' THEN 1 ELSE 0 END AS region_south,
  CASE WHEN region = 'east' THEN 1 ELSE 0 END AS region_east,
  CASE WHEN region = 'west' THEN 1 ELSE 0 END AS region_west,
  CASE WHEN region = 'central' THEN 1 ELSE 0 END AS region_central,
  store_size, opened_year, sqft, revenue_avg10, prev_revenue,
  revenue / nullif(revenue_avg10, 0) AS revenue_ratio,
  CASE WHEN revenue > 150 THEN 1 ELSE 0 END AS high_value
FROM filled
