<%@ page contentType="text/html;charset=UTF-8" isErrorPage="true" %>
<!DOCTYPE html>
<html>
<head><title>Claims Portal - Error</title></head>
<body>
<h1>Something went wrong</h1>
<p>Please try again. If the problem persists call the service desk and quote version
   ${applicationScope.appVersion}.</p>
</body>
</html>
