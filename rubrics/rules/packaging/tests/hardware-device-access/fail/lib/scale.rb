# ruleid: hardware-device-access
require "rubyserial"
