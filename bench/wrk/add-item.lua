-- B2: POST /api/carts/{id}/items on a random one of N existing carts. Args: CART_PREFIX N (carts PREFIX-0..N-1).
-- common.lua lies next to this script
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("common")
done = common.done
setup = common.setup

function init(args)
  prefix = args[1] .. "-"
  carts = tonumber(args[2])
  counter = 0
  math.randomseed(thread_no * 7919)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local cart = prefix .. math.random(0, carts - 1)
  return wrk.format(nil, "/api/carts/" .. cart .. "/items", nil,
                    '{"productId":"PROD-' .. (counter % 5) .. '","productName":"Bench Widget","quantity":1,'
                    .. '"unitPrice":9.99}')
end
