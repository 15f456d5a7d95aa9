# ruleid: desktop-ui-toolkit
require "tk"
