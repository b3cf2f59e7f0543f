using System.Linq.Expressions;
using FluentValidation;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Requests;

/// <summary>The shape rules the action inputs share (notes, reasons, dates) and the context their validators read.</summary>
public static class ActionValidation
{
    public const int NoteMaxLength = 1000;

    private const string RequestKey = "Request";
    private const string TodayKey = "Today";

    public static void SetContext<T>(ValidationContext<T> context, Request? request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (request is not null)
        {
            context.RootContextData[RequestKey] = request;
        }

        context.RootContextData[TodayKey] = today;
    }

    public static Request RequestOf<T>(ValidationContext<T> context) => (Request)context.RootContextData[RequestKey];

    public static DateOnly TodayOf<T>(ValidationContext<T> context) => (DateOnly)context.RootContextData[TodayKey];

    public static void Note<T>(this AbstractValidator<T> validator, Expression<Func<T, string?>> field) =>
        validator.RuleFor(field).MaximumLength(NoteMaxLength).WithMessage($"Ghi chú không được dài quá {NoteMaxLength} ký tự.");

    public static void Reason<T>(this AbstractValidator<T> validator, Expression<Func<T, string?>> field, string message) =>
        validator.RuleFor(field).NotEmpty().WithMessage(message)
            .MaximumLength(Request.ReasonMaxLength).WithMessage($"Lý do không được dài quá {Request.ReasonMaxLength} ký tự.");

    /// <summary>A required dd/MM/yyyy date, not after today.</summary>
    public static void PastDate<T>(this AbstractValidator<T> validator, Expression<Func<T, string?>> field, string what)
    {
        validator.RuleFor(field).NotEmpty().WithMessage($"Vui lòng nhập {what} (dd/MM/yyyy).")
            .Must(v => Format.TryParseDate(v, out _)).WithMessage("Ngày không hợp lệ, nhập theo dạng dd/MM/yyyy.");
        validator.RuleFor(field).Custom((v, context) =>
        {
            if (Format.ParseDate(v) is { } d && d > TodayOf(context))
            {
                context.AddFailure("Ngày không được sau ngày hôm nay.");
            }
        });
    }

    /// <summary>Checks a dd/MM/yyyy text of a line; adds the message and returns null when missing or malformed.</summary>
    public static DateOnly? LineDate(string? text, string property, string what, Action<string, string> add)
    {
        ArgumentNullException.ThrowIfNull(add);
        if (string.IsNullOrWhiteSpace(text))
        {
            add(property, $"Vui lòng nhập {what} (dd/MM/yyyy).");
            return null;
        }

        if (!Format.TryParseDate(text, out var date))
        {
            add(property, "Ngày không hợp lệ, nhập theo dạng dd/MM/yyyy.");
            return null;
        }

        return date;
    }
}
