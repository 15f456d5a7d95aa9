# require "ffi"
require "json"
module Scanner; end
