package io.pdx.marketplace.problem;

import io.pdx.contracts.problem.Problem;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field messages in the reader's language. Validators write each message once, in English; this is the one
 * translation table to Chinese, matched in order (a pattern's groups carry the names and numbers of the message
 * into its translation). {@code Accept-Language} chooses; Chinese is the default, English on {@code en} first.
 */
public final class FieldMessages {

    /** The language a problem's field messages are written in. */
    public enum Language {
        ZH("zh-CN"), EN("en");

        public final String tag;

        Language(String tag) {
            this.tag = tag;
        }
    }

    private record Translation(Pattern english, String chinese) {
    }

    private static final List<Translation> ZH = List.of(
            t("is required", "必填"),
            t("is required \\(whole fen\\)", "必填（整数，单位：分）"),
            t("is required \\(质量说明\\)", "必填（质量说明）"),
            t("must not be null", "不能为空"),
            t("must not be blank", "不能为空白"),
            t("must not be blank when given", "填写时不能为空白"),
            t("has the wrong type", "类型错误"),
            t("must not contain the NUL character", "不能包含 NUL 字符"),
            t("must not be empty", "不能为空值"),
            t("is stale", "版本已过期，请重新读取后再修改"),
            t("is too large", "数值过大"),
            t("must be a UUID", "须为 UUID"),
            t("must be 0 or more", "须大于或等于 0"),
            t("must be one of (.+)", "须为以下之一：$1"),
            t("one of (\\[.+\\]), with '-' before it for descending order", "须为以下之一：$1，前加 '-' 表示降序"),
            t("one of (.+)", "须为以下之一：$1"),
            t("at least one of (.+)", "至少选择以下之一：$1"),
            t("must be a whole number from (-?\\d+) to (\\d+)", "须为 $1 到 $2 之间的整数"),
            t("must be between (\\d+) and (\\d+)", "须在 $1 与 $2 之间"),
            t("at most (\\d+) characters", "最多 $1 个字符"),
            t("at most (\\d+) columns", "最多 $1 列"),
            t("at most (\\d+) scenarios", "最多 $1 个应用场景"),
            t("must not be before (\\w+)", "不得早于 $1"),
            t("must be greater than lower", "须大于 lower（下界）"),
            t("an ISO-8601 duration such as PT10S", "须为 ISO-8601 时长，例如 PT10S"),
            t("must be a number; the policy's range per query applies", "须为数字；每次查询的取值范围由策略规定"),
            t("must lie within \\[([0-9.]+), ([0-9.]+)\\] for (\\w+) data \\(default: the middle of the range\\)",
                    "$3 数据须在 [$1, $2] 之内（默认取区间中点）"),
            t("a job needs licenseId and sql or templateId", "作业须有 licenseId，以及 sql 或 templateId"),
            t("give either sql or templateId, not both", "sql 与 templateId 只能给出其一"),
            t("no such query template", "查询模板不存在"),
            t("the template has no such parameter", "该模板没有此参数"),
            t("is not a valid (.+)", "不是有效的$1"),
            t("a rejection states its reason, at most 1000 characters", "驳回须说明理由，最多 1000 个字符"),
            t("no such product", "产品不存在"),
            t("an application is required", "须提交申请内容"),
            t("one or more column names", "须列出一个或多个列名"),
            t("a product request is required", "须提交产品内容"),
            t("a FREE product costs 0", "免费产品价格须为 0"),
            t("a priced product costs at least 1 fen; use FREE otherwise", "收费产品价格至少 1 分；否则请选择 FREE"),
            t("must be a whole number of fen \\(分\\)", "须为整数（单位：分）"),
            t("must not exceed capFen, the government-guided upper limit \\(政府指导价上限\\)", "不得超过 capFen（政府指导价上限）"),
            t("the government-guided upper limit is at least 1 fen", "政府指导价上限至少 1 分"),
            t("only a PER_PERIOD price has a period", "只有 PER_PERIOD 价格有计费周期"),
            t("at least one application scenario \\(应用场景\\)", "至少填写一个应用场景"),
            t("duplicate mode", "授权方式重复"),
            t("(\\w+) is not allowed for grade (\\w+) \\(allowed: (.*)\\)", "$2 级数据不允许 $1（允许：$3）"),
            t("the dataset is not registered", "数据集尚未登记"),
            t("datasets of grade (\\w+) are never listed", "$1 级数据集不得上架"),
            t("already used by another product of this dataset", "该数据集的其他产品已使用此名称"),
            t("already used by another dataset of this provider", "该提供部门的其他数据集已使用此名称"),
            t("already registered", "已登记"),
            t("a dataset draft is required", "须提交数据集草稿"),
            t("a provider registers its own department's datasets", "提供部门只能登记本部门的数据集"),
            t("a dataset keeps its provider", "数据集不能更换提供部门"),
            t("the version you edited is required", "须给出所编辑的版本号"),
            t("one or more reasons of at most 500 characters each", "须给出一条或多条理由，每条最多 500 个字符"),
            t("must be a taxonomy code such as 交通/公共交通", "须为分类代码，例如 交通/公共交通"),
            t("only GENERAL data has sub-levels", "只有一般数据有子级别"),
            t("must be a department id such as dept-transport", "须为部门标识，例如 dept-transport"),
            t("must be a six-digit administrative division code", "须为六位行政区划代码"),
            t("names the column that identifies the person or organization of each row", "须指明每行所属个人或组织的标识列"),
            t("conditional sharing states its condition; no sharing states its legal basis", "有条件共享须说明条件；不予共享须说明法律依据"),
            t("only GENERAL data may be open \\(开放\\)", "只有一般数据可以开放"),
            t("CORE data is never shared unconditionally", "核心数据不得无条件共享"),
            t("a dataset has at least one column", "数据集至少有一列"),
            t("lower-case letters, digits and _, starting with a letter or _", "小写字母、数字和下划线，以字母或下划线开头"),
            t("duplicate column name", "列名重复"),
            t("every column carries a tag", "每一列都须有标签"),
            t("a key domain name: lower-case letters, digits and _", "关联键域名：小写字母、数字和下划线"),
            t("a METRIC column of IMPORTANT data declares lower, upper and granularity",
                    "重要数据的 METRIC 列须声明 lower、upper 和 granularity"),
            t("lower, upper and granularity are declared together", "lower、upper 和 granularity 须同时声明"),
            t("a power of ten between 0.000001 and 1000000, such as 0.01 or 1", "须为 0.000001 到 1000000 之间的 10 的幂，例如 0.01 或 1"),
            t("must be a multiple of the granularity", "须为 granularity 的整数倍"),
            t("at most 10\\^15 granularity units from 0", "距 0 最多 10^15 个 granularity 单位"),
            t("must be between 1 and 4", "须在 1 与 4 之间"),
            t("must be an e-mail address", "须为电子邮件地址"),
            t("digits, spaces and dashes, 6 to 30 characters", "数字、空格和连字符，6 到 30 个字符"),
            t("统一社会信用代码 has 18 characters", "统一社会信用代码为 18 位"),
            t("not a valid 统一社会信用代码: wrong symbol or check character \\(GB 32100-2015\\)",
                    "不是有效的统一社会信用代码：字符或校验码错误（GB 32100-2015）"),
            t("an? (.+) is required", "须提交$1"));

    private FieldMessages() {
    }

    private static Translation t(String english, String chinese) {
        return new Translation(Pattern.compile(english), chinese);
    }

    /** The language an {@code Accept-Language} header asks for first among the two (Chinese when it names neither). */
    public static Language language(String acceptLanguage) {
        if (acceptLanguage == null) {
            return Language.ZH;
        }
        for (String range : acceptLanguage.split(",")) {
            String tag = range.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (tag.startsWith("zh")) {
                return Language.ZH;
            }
            if (tag.startsWith("en")) {
                return Language.EN;
            }
        }
        return Language.ZH;
    }

    /** The message in Chinese; a message the table does not know stays as written. */
    public static String chinese(String english) {
        for (Translation translation : ZH) {
            Matcher matcher = translation.english().matcher(english);
            if (matcher.matches()) {
                return matcher.replaceFirst(translation.chinese());
            }
        }
        return english;
    }

    /** The problem with its field messages in {@code language}. */
    public static Problem in(Problem problem, Language language) {
        if (language == Language.EN || problem.errors().isEmpty()) {
            return problem;
        }
        return new Problem(problem.type(), problem.code(), problem.title(), problem.status(), problem.detail(), problem.instance(),
                problem.errors().stream().map(error -> new Problem.FieldError(error.field(), chinese(error.message()))).toList(),
                problem.reasons());
    }
}
