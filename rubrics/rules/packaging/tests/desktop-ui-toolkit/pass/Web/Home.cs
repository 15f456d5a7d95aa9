using System.Windows;
using Microsoft.AspNetCore.Mvc;
public class Home : Controller {}
