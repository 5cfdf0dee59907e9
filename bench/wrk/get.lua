-- B0: a plain GET of the URL given to wrk (the HTTP ceiling); only adds the RESULT line.
-- common.lua lies next to this script
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("common")
done = common.done
