namespace PhuThoCa.Domain.Subscribers;

/// <summary>Loại thuê bao (ND 68/2024 Điều 2; Mẫu 01/02/03).</summary>
public enum SubscriberKind
{
    /// <summary>Cá nhân (Mẫu 01).</summary>
    Person = 1,

    /// <summary>Cơ quan, tổ chức (Mẫu 02).</summary>
    Organization = 2,

    /// <summary>Thiết bị, dịch vụ, phần mềm (Mẫu 03).</summary>
    DeviceServiceSoftware = 3,
}
