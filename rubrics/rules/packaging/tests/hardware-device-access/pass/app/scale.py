# import serial
import json
TTY = "/dev/null"
NAME = "COM port"
