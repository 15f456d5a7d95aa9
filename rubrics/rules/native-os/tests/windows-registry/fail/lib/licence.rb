# ruleid: windows-registry
require "win32/registry"
