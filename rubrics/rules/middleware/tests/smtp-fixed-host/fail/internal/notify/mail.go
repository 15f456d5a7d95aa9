package notify

import "net/smtp"

func Send(msg []byte) error {
    // ruleid: smtp-fixed-host
    return smtp.SendMail("mail01:25", nil, "shop@acme.com", []string{"ops@acme.com"}, msg)
}
