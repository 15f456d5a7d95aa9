package com.acme.desk;
// ruleid: desktop-ui-toolkit
import javax.swing.JFrame;
class MainWindow extends JFrame {}
