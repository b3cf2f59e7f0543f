namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary>
/// The request tests add subscribers, certificates and tokens to the shared demo database. They run in one collection,
/// alone (after the parallel tests), so that tests counting register rows elsewhere never see them appear mid-test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkflowSerialGroup
{
    public const string Name = "Request workflows";
}
