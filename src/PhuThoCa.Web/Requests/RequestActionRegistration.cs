using PhuThoCa.Web.Requests.CaPortal;
using PhuThoCa.Web.Requests.Completion;
using PhuThoCa.Web.Requests.Filing;
using PhuThoCa.Web.Requests.Review;

namespace PhuThoCa.Web.Requests;

public static class RequestActionRegistration
{
    /// <summary>The handlers of the request workflows, one per business action (scoped: they share the request's DbContext).</summary>
    public static IServiceCollection AddRequestActions(this IServiceCollection services) => services
        .AddScoped<SentLetter>()
        .AddScoped<SubmitRequest>()
        .AddScoped<ResubmitRequest>()
        .AddScoped<CancelRequest>()
        .AddScoped<ReceiveRequest>()
        .AddScoped<ReturnForSupplement>()
        .AddScoped<AcceptRequest>()
        .AddScoped<RejectRequest>()
        .AddScoped<IssueRejectionNotice>()
        .AddScoped<PromiseNewReturnDate>()
        .AddScoped<RecordFiling>()
        .AddScoped<RecordCaResult>()
        .AddScoped<RecordCaRejection>()
        .AddScoped<HandOver>()
        .AddScoped<RecordRecovery>()
        .AddScoped<RecordTokenReturned>();
}
