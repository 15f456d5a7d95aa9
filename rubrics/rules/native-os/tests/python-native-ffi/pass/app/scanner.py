# import ctypes
import json
data = json.loads("{}")
