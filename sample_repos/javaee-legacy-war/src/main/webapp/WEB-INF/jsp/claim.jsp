<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<!DOCTYPE html>
<html>
<head><title>Claim <c:out value="${claim.claimNumber}"/></title></head>
<body>
<h1>Claim <c:out value="${claim.claimNumber}"/></h1>
<dl>
    <dt>Policy</dt><dd><c:out value="${claim.policyNumber}"/></dd>
    <dt>Claimant</dt><dd><c:out value="${claim.claimantName}"/></dd>
    <dt>Status</dt><dd><c:out value="${claim.status}"/></dd>
    <dt>Description</dt><dd><c:out value="${claim.description}"/></dd>
</dl>
<form method="post" action="attachments" enctype="multipart/form-data">
    <input type="hidden" name="claimId" value="${claim.id}">
    <input type="file" name="document">
    <button type="submit">Attach document</button>
</form>
<a href="list">Back to the work list</a>
</body>
</html>
