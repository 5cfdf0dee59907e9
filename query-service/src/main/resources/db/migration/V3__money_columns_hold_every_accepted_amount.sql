-- NUMERIC(19, 2) holds only 17 integer digits, but the command side accepts orders up to 100 lines of 1,000,000
-- units at 9,999,999,999.99 (a subtotal of ~10^18, and tax on top) and carts with any number of lines: such an
-- event failed its insert and was dead-lettered, so an accepted order never appeared. 36 integer digits hold any
-- amount the command side can produce.
ALTER TABLE product_view     ALTER COLUMN price        TYPE NUMERIC(38, 2);
ALTER TABLE cart_view        ALTER COLUMN total_amount TYPE NUMERIC(38, 2);
ALTER TABLE cart_view_item   ALTER COLUMN unit_price   TYPE NUMERIC(38, 2);
ALTER TABLE order_view       ALTER COLUMN subtotal     TYPE NUMERIC(38, 2),
                             ALTER COLUMN shipping_cost TYPE NUMERIC(38, 2),
                             ALTER COLUMN tax          TYPE NUMERIC(38, 2),
                             ALTER COLUMN total_amount TYPE NUMERIC(38, 2);
ALTER TABLE order_view_item  ALTER COLUMN unit_price   TYPE NUMERIC(38, 2),
                             ALTER COLUMN subtotal     TYPE NUMERIC(38, 2);
ALTER TABLE dashboard_order  ALTER COLUMN total_amount TYPE NUMERIC(38, 2);
