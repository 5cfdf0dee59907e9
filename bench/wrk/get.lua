-- B0: a plain GET of the URL given to wrk (the HTTP ceiling); only adds the RESULT line.
-- report.lua lies next to this script
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
done = require("report").done
