# ruleid: hardware-device-access
import serial
# ruleid: hardware-device-access
port = serial.Serial("/dev/ttyUSB0", 9600)
