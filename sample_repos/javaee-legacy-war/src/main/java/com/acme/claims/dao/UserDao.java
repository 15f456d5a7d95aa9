package com.acme.claims.dao;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import com.acme.claims.model.User;

public class UserDao {

    private static final String FIND_BY_LOGIN =
            "SELECT id, login, display_name, role, pw_hash FROM portal_users WHERE login = ? AND active = 1";

    /**
     * Returns the user when the login exists and the hash of the given pass phrase matches,
     * otherwise null.
     */
    public User authenticate(String login, char[] passPhrase) {
        try (Connection con = ServiceLocator.getClaimsDataSource().getConnection();
             PreparedStatement ps = con.prepareStatement(FIND_BY_LOGIN)) {
            ps.setString(1, login);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                if (!MessageDigest.isEqual(hash(passPhrase), hexToBytes(rs.getString("pw_hash")))) {
                    return null;
                }
                return new User(rs.getLong("id"), rs.getString("login"), rs.getString("display_name"),
                        rs.getString("role"));
            }
        } catch (SQLException e) {
            throw new DataAccessException("Login lookup failed for " + login, e);
        }
    }

    private static byte[] hash(char[] passPhrase) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return digest.digest(new String(passPhrase).getBytes("UTF-8"));
        } catch (NoSuchAlgorithmException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hexToBytes(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
