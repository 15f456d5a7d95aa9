package com.acme;
// ruleid: hardware-device-access
import com.fazecast.jSerialComm.SerialPort;
class Scale {}
