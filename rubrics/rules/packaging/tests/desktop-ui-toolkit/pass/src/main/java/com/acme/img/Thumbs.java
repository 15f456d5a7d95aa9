package com.acme.img;
import java.awt.image.BufferedImage;
import java.awt.Graphics2D;
import java.awt.Color;
// import javax.swing.JFrame;
class Thumbs {}
