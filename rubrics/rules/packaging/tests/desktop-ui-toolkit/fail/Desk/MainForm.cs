// ruleid: desktop-ui-toolkit
using System.Windows.Forms;
public class MainForm : Form {}
