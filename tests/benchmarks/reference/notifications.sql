-- Reference of /Notifications for chuyenvien.skhcn: unread count, total, newest 25.
SELECT count(*) FROM Notifications WHERE UserId = (SELECT Id FROM AspNetUsers WHERE UserName = 'chuyenvien.skhcn') AND ReadAtUtc IS NULL;
SELECT count(*) FROM Notifications WHERE UserId = (SELECT Id FROM AspNetUsers WHERE UserName = 'chuyenvien.skhcn');
SELECT Id, CertificateId, CreatedAtUtc, Detail, ReadAtUtc, RequestId, Title FROM Notifications
  WHERE UserId = (SELECT Id FROM AspNetUsers WHERE UserName = 'chuyenvien.skhcn') ORDER BY CreatedAtUtc DESC, Id DESC LIMIT 25;
