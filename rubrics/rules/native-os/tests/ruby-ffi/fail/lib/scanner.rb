# ruleid: ruby-ffi
require "ffi"
module Scanner
  extend FFI::Library
  # ruleid: ruby-ffi
  ffi_lib "twain"
end
