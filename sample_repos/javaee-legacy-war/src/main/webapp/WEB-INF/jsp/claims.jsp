<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<%@ taglib prefix="fmt" uri="http://java.sun.com/jsp/jstl/fmt" %>
<!DOCTYPE html>
<html>
<head><title>Claims Portal - Work list</title></head>
<body>
<p>Signed in as <c:out value="${sessionScope.currentUser.displayName}"/> |
   <a href="${pageContext.request.contextPath}/logout">Sign out</a></p>
<form method="get">
    <select name="status">
        <option value="">All</option>
        <c:forEach items="${['NEW','IN_REVIEW','APPROVED','REJECTED']}" var="s">
            <option value="${s}" ${s == statusFilter ? 'selected' : ''}>${s}</option>
        </c:forEach>
    </select>
    <button type="submit">Filter</button>
    <a href="${pageContext.request.contextPath}/claims/claim">New claim</a>
</form>
<table>
    <tr><th>Number</th><th>Policy</th><th>Claimant</th><th>Incident</th><th>Amount</th><th>Status</th></tr>
    <c:forEach items="${claims}" var="claim">
        <tr>
            <td><a href="claim?id=${claim.id}"><c:out value="${claim.claimNumber}"/></a></td>
            <td><c:out value="${claim.policyNumber}"/></td>
            <td><c:out value="${claim.claimantName}"/></td>
            <td><fmt:formatDate value="${claim.incidentDate}" pattern="yyyy-MM-dd"/></td>
            <td><fmt:formatNumber value="${claim.amountClaimed}" type="currency"/></td>
            <td><c:out value="${claim.status}"/></td>
        </tr>
    </c:forEach>
</table>
</body>
</html>
