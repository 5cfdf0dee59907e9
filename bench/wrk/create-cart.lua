-- B1, B3: POST /api/carts with a new cart id on every request. Args: ID_PREFIX (unique per phase) [PAUSE_MS]:
-- with PAUSE_MS each connection waits that long after every answer (B3's paced load).
-- common.lua lies next to this script
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("common")
done = common.done
setup = common.setup

function init(args)
  prefix = args[1] .. "-" .. thread_no .. "-"
  counter = 0
  local pause = tonumber(args[2]) or 0
  if pause > 0 then
    delay = function() return pause end
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  return wrk.format(nil, "/api/carts", nil,
                    '{"cartId":"' .. prefix .. counter .. '","customerId":"CUST-BENCH"}')
end
