using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("Acme.Storefront")]
[assembly: AssemblyDescription("Acme web shop front end")]
[assembly: AssemblyCompany("Acme GmbH")]
[assembly: AssemblyProduct("Acme.Storefront")]
[assembly: AssemblyCopyright("Copyright © Acme GmbH 2016")]
[assembly: ComVisible(false)]
[assembly: Guid("c5f2d7a4-1b8e-4a3c-9f61-0d2e7b5a8c13")]
[assembly: AssemblyVersion("3.1.0.0")]
[assembly: AssemblyFileVersion("3.1.0.0")]
