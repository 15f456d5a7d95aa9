package com.acme.claims.dao;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.acme.claims.model.Claim;

/**
 * Plain JDBC access to the CLAIMS table.
 */
public class ClaimDao {

    private static final String COLUMNS =
            "id, claim_number, policy_number, claimant_name, incident_date, description, amount_claimed, "
            + "status, created_by, created_at";

    public List<Claim> findByStatus(String status) {
        String sql = "SELECT " + COLUMNS + " FROM claims"
                + (status == null ? "" : " WHERE status = ?") + " ORDER BY created_at DESC";
        try (Connection con = ServiceLocator.getClaimsDataSource().getConnection();
             PreparedStatement ps = con.prepareStatement(sql)) {
            if (status != null) {
                ps.setString(1, status);
            }
            List<Claim> claims = new ArrayList<Claim>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claims.add(map(rs));
                }
            }
            return claims;
        } catch (SQLException e) {
            throw new DataAccessException("Could not list claims", e);
        }
    }

    public Claim findById(long id) {
        try (Connection con = ServiceLocator.getClaimsDataSource().getConnection();
             PreparedStatement ps = con.prepareStatement("SELECT " + COLUMNS + " FROM claims WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? map(rs) : null;
            }
        } catch (SQLException e) {
            throw new DataAccessException("Could not load claim " + id, e);
        }
    }

    public long insert(Claim claim) {
        String sql = "INSERT INTO claims (claim_number, policy_number, claimant_name, incident_date, description, "
                + "amount_claimed, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection con = ServiceLocator.getClaimsDataSource().getConnection();
             PreparedStatement ps = con.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, claim.getClaimNumber());
            ps.setString(2, claim.getPolicyNumber());
            ps.setString(3, claim.getClaimantName());
            ps.setTimestamp(4, new Timestamp(claim.getIncidentDate().getTime()));
            ps.setString(5, claim.getDescription());
            ps.setBigDecimal(6, claim.getAmountClaimed());
            ps.setString(7, claim.getStatus());
            ps.setLong(8, claim.getCreatedBy());
            ps.setTimestamp(9, new Timestamp(new Date().getTime()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new DataAccessException("Could not save claim " + claim.getClaimNumber(), e);
        }
    }

    public void updateStatus(long id, String status) {
        try (Connection con = ServiceLocator.getClaimsDataSource().getConnection();
             PreparedStatement ps = con.prepareStatement("UPDATE claims SET status = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setLong(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("Could not update claim " + id, e);
        }
    }

    private static Claim map(ResultSet rs) throws SQLException {
        Claim c = new Claim();
        c.setId(rs.getLong("id"));
        c.setClaimNumber(rs.getString("claim_number"));
        c.setPolicyNumber(rs.getString("policy_number"));
        c.setClaimantName(rs.getString("claimant_name"));
        c.setIncidentDate(rs.getTimestamp("incident_date"));
        c.setDescription(rs.getString("description"));
        c.setAmountClaimed(rs.getBigDecimal("amount_claimed"));
        c.setStatus(rs.getString("status"));
        c.setCreatedBy(rs.getLong("created_by"));
        c.setCreatedAt(rs.getTimestamp("created_at"));
        return c;
    }
}
