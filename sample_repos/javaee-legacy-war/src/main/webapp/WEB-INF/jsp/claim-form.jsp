<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<!DOCTYPE html>
<html>
<head><title>New claim</title></head>
<body>
<h1>New claim</h1>
<c:if test="${not empty formError}"><p class="error"><c:out value="${formError}"/></p></c:if>
<form method="post" action="claim">
    <label>Policy number <input name="policyNumber" required></label>
    <label>Claimant <input name="claimantName" required></label>
    <label>Incident date <input name="incidentDate" type="date" required></label>
    <label>Amount claimed <input name="amountClaimed" required></label>
    <label>Description <textarea name="description"></textarea></label>
    <button type="submit">Record claim</button>
</form>
</body>
</html>
