<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<!DOCTYPE html>
<html>
<head><title>Claims Portal - Sign in</title></head>
<body>
<h1>Claims Portal</h1>
<c:if test="${not empty loginError}"><p class="error"><c:out value="${loginError}"/></p></c:if>
<form method="post" action="${pageContext.request.contextPath}/login">
    <label>Login <input name="login" autofocus></label>
    <label>Password <input name="password" type="password"></label>
    <button type="submit">Sign in</button>
</form>
<footer>Version <c:out value="${applicationScope.appVersion}"/></footer>
</body>
</html>
