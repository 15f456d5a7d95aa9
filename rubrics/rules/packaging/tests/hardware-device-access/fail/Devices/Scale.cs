// ruleid: hardware-device-access
using System.IO.Ports;
public class Scale
{
    // ruleid: hardware-device-access
    private readonly SerialPort _port = new SerialPort("COM3", 9600);
}
