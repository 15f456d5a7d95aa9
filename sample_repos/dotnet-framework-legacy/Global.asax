<%@ Application Codebehind="Global.asax.cs" Inherits="Acme.Storefront.MvcApplication" Language="C#" %>
