# ruleid: windows-registry
import winreg
