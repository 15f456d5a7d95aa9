# ruleid: python-native-ffi
import ctypes

# ruleid: python-native-ffi
twain = ctypes.CDLL("libtwain.so")
