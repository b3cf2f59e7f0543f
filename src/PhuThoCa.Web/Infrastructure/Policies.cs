namespace PhuThoCa.Web.Infrastructure;

public static class Policies
{
    public const string EditRegisters = nameof(EditRegisters);
    public const string Admin = nameof(Admin);
}
