package io.pdx.sandbox.demo;

import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.runner.DataManifest;
import io.pdx.contracts.runner.DatasetDescriptor;
import io.pdx.contracts.catalog.Openness;
import io.pdx.contracts.catalog.SharingType;
import io.pdx.contracts.catalog.UpdateFrequency;
import io.pdx.contracts.identity.Uscc;
import io.pdx.sandbox.driver.DuckDb;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes the demo domain: seven synthetic datasets that look like a municipal bureau's (Fuzhou's
 * district codes), written as Parquet, with a manifest that describes each with its grade and
 * tagged schema. Deterministic from the seed: dimension rows come from {@link Random}, fact rows
 * from DuckDB's {@code hash(i, seed, …)} so that they can be made in parallel. Nothing is downloaded.
 */
public final class DemoDataGenerator {

    /** 福州市 districts: 鼓楼, 台江, 仓山, 马尾, 晋安, 长乐. */
    static final String[] DISTRICTS = {"350102", "350103", "350104", "350105", "350111", "350112"};
    /** 福州市: the spatial coverage of every demo dataset. */
    static final String FUZHOU = "350100";
    /** The key domain the swipes and the routes are joined on. */
    static final String BUS_ROUTE = "bus_route";
    /** The key domain of designated medical facilities (定点医疗机构编码, H0000…H0079): an insurer's own list of partner
     *  hospitals joins the settlements on it. */
    static final String MEDICAL_FACILITY = "medical_facility";
    private static final String DISTRICT_LIST = "['350102','350103','350104','350105','350111','350112']";

    private final long seed;
    private final DemoScale scale;

    public DemoDataGenerator(long seed, DemoScale scale) {
        this.seed = seed;
        this.scale = scale;
    }

    /** Writes every dataset into {@code folder} and returns the manifest (also written as {@code manifest.json}). */
    public DataManifest generate(Path folder) throws SQLException, java.io.IOException {
        Files.createDirectories(folder);
        List<DatasetDescriptor> datasets = new ArrayList<>();
        try (DuckDBConnection duck = DuckDb.inMemory()) {
            datasets.add(registration(marketEntities(duck, folder), UpdateFrequency.DAILY,
                    LocalDate.of(1990, 1, 1), LocalDate.of(2026, 10, 31), SharingType.UNCONDITIONAL,
                    "依法公示的登记信息 / registration information published under law", Openness.OPEN));
            datasets.add(registration(busCardSwipes(duck, folder), UpdateFrequency.DAILY,
                    LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), SharingType.CONDITIONAL,
                    "卡号去标识化后用于交通规划与运营分析 / for transport planning once card numbers are de-identified",
                    Openness.AUTHORIZED_OPERATION));
            datasets.add(registration(busRoutes(duck, folder), UpdateFrequency.MONTHLY,
                    LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), SharingType.UNCONDITIONAL,
                    "公交线路基础信息依法公开 / route information is public", Openness.OPEN));
            datasets.add(registration(airQuality(duck, folder), UpdateFrequency.HOURLY,
                    LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 30), SharingType.UNCONDITIONAL,
                    "环境质量信息依法公开 / environmental quality information is public by law", Openness.OPEN));
            datasets.add(registration(medicalClaims(duck, folder), UpdateFrequency.MONTHLY,
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 27), SharingType.CONDITIONAL,
                    "仅限沙箱内统计分析，个人信息不出域 / sandboxed statistics only, personal data stays in the domain",
                    Openness.AUTHORIZED_OPERATION));
            datasets.add(registration(realEstate(duck, folder), UpdateFrequency.DAILY,
                    LocalDate.of(2015, 1, 1), LocalDate.of(2025, 12, 14), SharingType.CONDITIONAL,
                    "依《不动产登记暂行条例》限于法定用途 / statutory purposes under the real estate registration rules",
                    Openness.AUTHORIZED_OPERATION));
            datasets.add(registration(gridLoad(duck, folder), UpdateFrequency.REALTIME,
                    LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 30), SharingType.NOT_SHARED,
                    "《关键信息基础设施安全保护条例》 / Critical Information Infrastructure Security Protection Regulations",
                    Openness.NOT_OPEN));
        }
        return new DataManifest(DataManifest.FORMAT, seed, scale.name().toLowerCase(java.util.Locale.ROOT), List.copyOf(datasets));
    }

    private DatasetDescriptor marketEntities(DuckDBConnection duck, Path folder) throws SQLException {
        long rows = scale.rows(20_000);
        Random random = new Random(seed);
        String[] kinds = {"有限责任公司", "股份有限公司", "个人独资企业", "合伙企业", "个体工商户", "农民专业合作社"};
        String[] words = {"闽", "榕", "海", "丝路", "鼓山", "闽江", "数智", "云帆", "东方", "福"};
        String[] trades = {"科技", "贸易", "餐饮", "物流", "建设", "医药", "文化", "电子", "食品", "咨询"};
        String[] industries = {"I65", "F51", "H62", "G54", "E48", "F52", "R86", "C39", "C14", "L72"};
        try (Statement sql = duck.createStatement()) {
            sql.execute("CREATE TABLE market_entities (uscc VARCHAR, entity_name VARCHAR, entity_type VARCHAR,"
                    + " legal_representative VARCHAR, industry_code VARCHAR, district_code VARCHAR,"
                    + " registered_capital_wan DOUBLE, established_day INTEGER, status VARCHAR)");
        }
        String[] surnames = {"陈", "林", "黄", "张", "李", "王", "吴", "刘", "蔡", "郑"};
        String[] given = {"伟", "芳", "强", "敏", "静", "磊", "洋", "婷", "杰", "娜", "建华", "秀英"};
        try (DuckDBAppender append = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "market_entities")) {
            for (long i = 0; i < rows; i++) {
                String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
                int kind = random.nextInt(kinds.length);
                String first17 = "9" + (kind == 4 ? "2" : "1") + district + organizationCode(random);
                append.beginRow();
                append.append(first17 + Uscc.checkCharacter(first17));
                append.append("福州" + words[random.nextInt(words.length)] + trades[random.nextInt(trades.length)]
                        + kinds[kind].replace("个体工商户", "店") + "·" + i);
                append.append(kinds[kind]);
                append.append(surnames[random.nextInt(surnames.length)] + given[random.nextInt(given.length)]);
                append.append(industries[random.nextInt(industries.length)]);
                append.append(district);
                append.append(Math.round(Math.exp(random.nextGaussian() * 1.5 + 5) * 100) / 100.0);
                append.append(8_000 + random.nextInt(12_000));
                append.append(random.nextInt(20) == 0 ? "注销" : random.nextInt(30) == 0 ? "吊销" : "存续");
                append.endRow();
            }
        }
        copy(duck, "SELECT uscc, entity_name, entity_type, legal_representative, industry_code, district_code,"
                + " registered_capital_wan, DATE '1990-01-01' + established_day AS established_date, status"
                + " FROM market_entities", folder.resolve("market_entities.parquet"));
        return dataset("市场主体登记信息", "Market entity registrations",
                "在册市场主体的登记信息：统一社会信用代码、名称、类型、行业、所在区县、注册资本、成立日期与登记状态。"
                        + " / Registered market entities with their credit code, type, industry, district, capital, founding date and status.",
                "经济/市场监管", Grade.GENERAL, "dept-market", "市场监督管理局",
                "market_entities.parquet", rows, "uscc", List.of(
                        column("uscc", "VARCHAR", ColumnTag.IDENTIFIER, "统一社会信用代码 (GB 32100-2015) / unified social credit code"),
                        column("entity_name", "VARCHAR", ColumnTag.ATTRIBUTE, "市场主体名称 / entity name"),
                        column("entity_type", "VARCHAR", ColumnTag.ATTRIBUTE, "市场主体类型 / entity type"),
                        column("legal_representative", "VARCHAR", ColumnTag.IDENTIFIER, "法定代表人 / legal representative"),
                        column("industry_code", "VARCHAR", ColumnTag.ATTRIBUTE, "国民经济行业分类代码 / industry code (GB/T 4754)"),
                        column("district_code", "VARCHAR", ColumnTag.QUASI_IDENTIFIER, "所在区县行政区划代码 / district code"),
                        column("registered_capital_wan", "DOUBLE", ColumnTag.METRIC, "注册资本（万元）/ registered capital, 10k CNY"),
                        column("established_date", "DATE", ColumnTag.QUASI_IDENTIFIER, "成立日期 / date of establishment"),
                        column("status", "VARCHAR", ColumnTag.ATTRIBUTE, "登记状态 / registration status")));
    }

    private DatasetDescriptor busCardSwipes(DuckDBConnection duck, Path folder) throws SQLException {
        long rows = scale.rows(100_000);
        long cards = Math.max(50, rows / 20);
        // a card rides mostly in its home district (four rides in five), the rest anywhere: districts are populations of
        // their own, as in a city, not (as the residues of two hashes of one row once made them) two groups of three
        // districts with nearly the same cards each, which the differencing check rightly refuses to tell apart
        copy(duck, "SELECT 'FZ' || lpad(c::VARCHAR, 9, '0') AS card_id,"
                + " TIMESTAMP '2026-10-01 05:30:00' + to_seconds((hash(i, " + seed + ", 'day') % 31) * 86400"
                + "   + (hash(i, " + seed + ", 'sec') % 64800)::BIGINT) AS swipe_time,"
                + " 'L' || lpad((1 + hash(i, " + seed + ", 'route') % 120)::VARCHAR, 3, '0') AS route_id,"
                + " 'S' || lpad((hash(i, " + seed + ", 'stop') % 2400)::VARCHAR, 5, '0') AS stop_id,"
                + " " + DISTRICT_LIST + "[1 + (CASE WHEN (hash(i, " + seed + ", 'away') >> 24) % 5 = 0"
                + "   THEN (hash(i, " + seed + ", 'district') >> 32) % 6 ELSE (hash(c, " + seed + ", 'home') >> 32) % 6 END)::INTEGER]"
                + "   AS district_code,"
                + " ['普通卡','学生卡','老年卡','交通联合卡','扫码乘车'][1 + (hash(i, " + seed + ", 'type') % 5)::INTEGER] AS card_type,"
                + " [200, 100, 0, 200, 200][1 + (hash(i, " + seed + ", 'type') % 5)::INTEGER]"
                + "   - CASE WHEN hash(i, " + seed + ", 'transfer') % 4 = 0 THEN 100 ELSE 0 END AS fare_cents,"
                + " hash(i, " + seed + ", 'transfer') % 4 = 0 AS is_transfer"
                + " FROM (SELECT i, hash(i, " + seed + ", 'card') % " + cards + " AS c FROM range(" + rows + ") t(i))",
                folder.resolve("bus_card_swipes.parquet"));
        return dataset("公交刷卡记录", "Bus card swipes",
                "市区公交线路的乘车刷卡流水：卡号（去标识化）、时间、线路、站点、区县、卡类型与票价。"
                        + " / Fare transactions on city bus routes: de-identified card, time, route, stop, district, card type and fare.",
                "交通/公共交通", Grade.GENERAL, "dept-transport", "交通运输局",
                "bus_card_swipes.parquet", rows, "card_id", List.of(
                        column("card_id", "VARCHAR", ColumnTag.IDENTIFIER, "交通卡号（去标识化）/ de-identified card number"),
                        column("swipe_time", "TIMESTAMP", ColumnTag.QUASI_IDENTIFIER, "刷卡时间 / time of the swipe"),
                        column("route_id", "VARCHAR", ColumnTag.ATTRIBUTE, "线路编号 / route").withJoinKey(BUS_ROUTE),
                        column("stop_id", "VARCHAR", ColumnTag.ATTRIBUTE, "站点编号 / stop"),
                        column("district_code", "VARCHAR", ColumnTag.QUASI_IDENTIFIER, "站点所在区县 / district of the stop"),
                        column("card_type", "VARCHAR", ColumnTag.ATTRIBUTE, "卡类型 / card type"),
                        column("fare_cents", "INTEGER", ColumnTag.METRIC, "实付票价（分）/ fare paid, fen"),
                        column("is_transfer", "BOOLEAN", ColumnTag.ATTRIBUTE, "是否换乘优惠 / transfer discount applied")));
    }

    /** The routes the swipes name (L001…L120), joinable with them on the declared key {@value #BUS_ROUTE}. */
    private DatasetDescriptor busRoutes(DuckDBConnection duck, Path folder) throws SQLException {
        int routes = 120;
        copy(duck, "SELECT 'L' || lpad(r::VARCHAR, 3, '0') AS route_id,"
                + " r::VARCHAR || '路' AS route_name,"
                + " ['福州公交集团','福州公交集团','福州公交集团','闽运公交','长乐公交'][1 + (hash(r, " + seed + ", 'operator') % 5)::INTEGER] AS operator,"
                + " " + DISTRICT_LIST + "[1 + (hash(r, " + seed + ", 'district') % 6)::INTEGER] AS district_code,"
                + " round(6 + (hash(r, " + seed + ", 'length') % 300) / 10.0, 1) AS length_km,"
                + " (12 + hash(r, " + seed + ", 'stops') % 30)::INTEGER AS stops,"
                + " (1990 + hash(r, " + seed + ", 'opened') % 36)::INTEGER AS opened_year"
                + " FROM range(1, " + (routes + 1) + ") t(r)", folder.resolve("bus_routes.parquet"));
        return dataset("公交线路信息", "Bus routes",
                "市区公交线路的基础信息：线路编号、名称、运营企业、所在区县、线路长度、站点数与开通年份。"
                        + " / City bus routes: number, name, operator, district, length, stops and the year opened.",
                "交通/公共交通", Grade.GENERAL, "dept-transport", "交通运输局",
                "bus_routes.parquet", routes, "route_id", List.of(
                        column("route_id", "VARCHAR", ColumnTag.ATTRIBUTE, "线路编号 / route").withJoinKey(BUS_ROUTE),
                        column("route_name", "VARCHAR", ColumnTag.ATTRIBUTE, "线路名称 / route name"),
                        column("operator", "VARCHAR", ColumnTag.ATTRIBUTE, "运营企业 / operator"),
                        column("district_code", "VARCHAR", ColumnTag.ATTRIBUTE, "主要途经区县 / main district"),
                        column("length_km", "DOUBLE", ColumnTag.METRIC, "线路长度（公里）/ length, km"),
                        column("stops", "INTEGER", ColumnTag.METRIC, "站点数 / stops"),
                        column("opened_year", "INTEGER", ColumnTag.ATTRIBUTE, "开通年份 / year opened")));
    }

    private DatasetDescriptor airQuality(DuckDBConnection duck, Path folder) throws SQLException {
        long hours = scale.rows(30 * 24, 365 * 24);
        int stations = 30;
        copy(duck, "SELECT 'AQ' || lpad(s::VARCHAR, 3, '0') AS station_id,"
                + " ['鼓楼五四路','台江万寿','仓山师大','马尾快安','晋安新店','长乐吴航'][1 + (s % 6)::INTEGER] || '站' || s AS station_name,"
                + " " + DISTRICT_LIST + "[1 + (s % 6)::INTEGER] AS district_code,"
                + " TIMESTAMP '2026-10-01 00:00:00' + to_hours(h::BIGINT) AS observed_at,"
                + " round(18 + 14 * sin(h / 24.0 * 2 * pi()) + (hash(s, h, " + seed + ", 'pm25') % 200) / 10.0, 1) AS pm25,"
                + " round(35 + 20 * sin(h / 24.0 * 2 * pi()) + (hash(s, h, " + seed + ", 'pm10') % 300) / 10.0, 1) AS pm10,"
                + " round(20 + (hash(s, h, " + seed + ", 'no2') % 350) / 10.0, 1) AS no2,"
                + " round(60 + 40 * sin((h - 6) / 24.0 * 2 * pi()) + (hash(s, h, " + seed + ", 'o3') % 200) / 10.0, 1) AS o3,"
                + " (25 + 20 * sin(h / 24.0 * 2 * pi()) + hash(s, h, " + seed + ", 'aqi') % 30)::INTEGER AS aqi"
                + " FROM range(" + stations + ") st(s), range(" + hours + ") hr(h)", folder.resolve("air_quality_hourly.parquet"));
        return dataset("空气质量监测小时数据", "Hourly air quality observations",
                "国控及市控监测站点逐小时空气质量：PM2.5、PM10、NO2、O3 与 AQI。"
                        + " / Hourly PM2.5, PM10, NO2, O3 and AQI from the city's monitoring stations.",
                "生态/环境监测", Grade.GENERAL, "dept-ecology", "生态环境局",
                "air_quality_hourly.parquet", stations * hours, "station_id", List.of(
                        column("station_id", "VARCHAR", ColumnTag.ATTRIBUTE, "监测站点编号 / station"),
                        column("station_name", "VARCHAR", ColumnTag.ATTRIBUTE, "站点名称 / station name"),
                        column("district_code", "VARCHAR", ColumnTag.ATTRIBUTE, "所在区县 / district"),
                        column("observed_at", "TIMESTAMP", ColumnTag.ATTRIBUTE, "监测时间 / hour observed"),
                        column("pm25", "DOUBLE", ColumnTag.METRIC, "PM2.5 (μg/m³)"),
                        column("pm10", "DOUBLE", ColumnTag.METRIC, "PM10 (μg/m³)"),
                        column("no2", "DOUBLE", ColumnTag.METRIC, "二氧化氮 NO2 (μg/m³)"),
                        column("o3", "DOUBLE", ColumnTag.METRIC, "臭氧 O3 (μg/m³)"),
                        column("aqi", "INTEGER", ColumnTag.METRIC, "空气质量指数 / air quality index")));
    }

    private DatasetDescriptor medicalClaims(DuckDBConnection duck, Path folder) throws SQLException {
        long rows = scale.rows(50_000);
        long persons = Math.max(100, rows / 5);
        residents(duck, "insured_persons", persons, seed + 1);
        copy(duck, "SELECT p.person_id, p.id_card_no, p.age, p.gender, p.district_code,"
                + " 'H' || lpad((hash(i, " + seed + ", 'hospital') % 80)::VARCHAR, 4, '0') AS hospital_code,"
                + " ['J06.9','I10','E11.9','K29.7','M54.5','J18.9','N39.0','I25.1','C34.9','O80'][1 + (hash(i, " + seed + ", 'icd') % 10)::INTEGER] AS diagnosis_code,"
                + " DATE '2026-01-01' + (hash(i, " + seed + ", 'day') % 300)::INTEGER AS settle_date,"
                + " round(50 + (hash(i, " + seed + ", 'amount') % 500000) / 100.0, 2) AS total_amount,"
                + " round((50 + (hash(i, " + seed + ", 'amount') % 500000) / 100.0) * 0.7, 2) AS fund_paid,"
                + " round((50 + (hash(i, " + seed + ", 'amount') % 500000) / 100.0) * 0.3, 2) AS self_paid"
                + " FROM range(" + rows + ") t(i) JOIN insured_persons p ON p.seq = hash(i, " + seed + ", 'person') % " + persons,
                folder.resolve("medical_insurance_claims.parquet"));
        return dataset("医保结算明细", "Medical insurance settlements",
                "基本医疗保险门诊与住院结算明细：参保人、医疗机构、诊断、结算日期与费用构成。"
                        + " / Outpatient and inpatient settlements of basic medical insurance: insured person, facility, diagnosis, date and amounts.",
                "社会/医疗保障", Grade.IMPORTANT, "dept-healthcare", "医疗保障局",
                "medical_insurance_claims.parquet", rows, "person_id", List.of(
                        column("person_id", "VARCHAR", ColumnTag.IDENTIFIER, "参保人编号 / insured person id"),
                        column("id_card_no", "VARCHAR", ColumnTag.IDENTIFIER, "公民身份号码（合成）/ resident id number (synthetic)"),
                        bounded(column("age", "INTEGER", ColumnTag.QUASI_IDENTIFIER, "年龄 / age"), "0", "120", "1"),
                        column("gender", "VARCHAR", ColumnTag.QUASI_IDENTIFIER, "性别 / gender"),
                        column("district_code", "VARCHAR", ColumnTag.QUASI_IDENTIFIER, "参保地区县 / district of insurance"),
                        column("hospital_code", "VARCHAR", ColumnTag.ATTRIBUTE, "定点医疗机构编码 / facility").withJoinKey(MEDICAL_FACILITY),
                        column("diagnosis_code", "VARCHAR", ColumnTag.SENSITIVE, "诊断编码 ICD-10 / diagnosis"),
                        column("settle_date", "DATE", ColumnTag.QUASI_IDENTIFIER, "结算日期 / settlement date"),
                        bounded(column("total_amount", "DOUBLE", ColumnTag.METRIC, "医疗总费用（元）/ total cost, CNY"), "0", "6000", "0.01"),
                        bounded(column("fund_paid", "DOUBLE", ColumnTag.METRIC, "统筹基金支付（元）/ paid by the fund, CNY"), "0", "4200", "0.01"),
                        bounded(column("self_paid", "DOUBLE", ColumnTag.METRIC, "个人自付（元）/ paid by the person, CNY"), "0", "1800", "0.01")));
    }

    private DatasetDescriptor realEstate(DuckDBConnection duck, Path folder) throws SQLException {
        long rows = scale.rows(20_000);
        residents(duck, "owners", Math.max(100, rows * 4 / 5), seed + 2);
        copy(duck, "SELECT '闽(2026)福州市不动产权第' || lpad((1000000 + i)::VARCHAR, 7, '0') || '号' AS certificate_no,"
                + " o.id_card_no AS owner_id_card, o.full_name AS owner_name, o.district_code,"
                + " ['住宅','住宅','住宅','商业','办公','工业'][1 + (hash(i, " + seed + ", 'use') % 6)::INTEGER] AS parcel_use,"
                + " round(40 + (hash(i, " + seed + ", 'area') % 16000) / 100.0, 2) AS floor_area_m2,"
                + " round((40 + (hash(i, " + seed + ", 'area') % 16000) / 100.0) * (1.2 + (hash(i, " + seed + ", 'price') % 300) / 100.0), 2) AS transaction_price_wan,"
                + " DATE '2015-01-01' + (hash(i, " + seed + ", 'day') % 4000)::INTEGER AS registration_date"
                + " FROM range(" + rows + ") t(i) JOIN owners o ON o.seq = hash(i, " + seed + ", 'owner') % " + Math.max(100, rows * 4 / 5),
                folder.resolve("real_estate_registrations.parquet"));
        return dataset("不动产登记信息", "Real estate registrations",
                "不动产权登记簿摘要：权证号、权利人、区县、用途、建筑面积、成交价格与登记日期。"
                        + " / Real estate register extracts: certificate, owner, district, use, floor area, price and date.",
                "城建/不动产", Grade.IMPORTANT, "dept-natural-resources", "自然资源和规划局",
                "real_estate_registrations.parquet", rows, "owner_id_card", List.of(
                        column("certificate_no", "VARCHAR", ColumnTag.IDENTIFIER, "不动产权证书号 / certificate number"),
                        column("owner_id_card", "VARCHAR", ColumnTag.IDENTIFIER, "权利人身份证号（合成）/ owner id number (synthetic)"),
                        column("owner_name", "VARCHAR", ColumnTag.IDENTIFIER, "权利人姓名 / owner name"),
                        column("district_code", "VARCHAR", ColumnTag.QUASI_IDENTIFIER, "坐落区县 / district"),
                        column("parcel_use", "VARCHAR", ColumnTag.ATTRIBUTE, "用途 / use"),
                        bounded(column("floor_area_m2", "DOUBLE", ColumnTag.METRIC, "建筑面积（平方米）/ floor area, m²"), "0", "300", "0.01"),
                        bounded(column("transaction_price_wan", "DOUBLE", ColumnTag.SENSITIVE, "成交价格（万元）/ price, 10k CNY"), "0", "1000", "0.01"),
                        column("registration_date", "DATE", ColumnTag.QUASI_IDENTIFIER, "登记日期 / registration date")));
    }

    private DatasetDescriptor gridLoad(DuckDBConnection duck, Path folder) throws SQLException {
        long intervals = scale.rows(30 * 96, 365 * 96);
        int substations = 50;
        copy(duck, "SELECT 'SUB' || lpad(s::VARCHAR, 3, '0') AS substation_id,"
                + " 'F' || lpad((s * 10 + hash(s, q, " + seed + ") % 10)::VARCHAR, 4, '0') AS feeder_id,"
                + " " + DISTRICT_LIST + "[1 + (s % 6)::INTEGER] AS district_code,"
                + " TIMESTAMP '2026-10-01 00:00:00' + to_minutes((q * 15)::BIGINT) AS measured_at,"
                + " round(40 + 25 * sin((q % 96) / 96.0 * 2 * pi() - 1.6) + (hash(s, q, " + seed + ", 'load') % 800) / 100.0, 2) AS load_mw,"
                + " round(110 + (hash(s, q, " + seed + ", 'kv') % 60) / 10.0 - 3, 1) AS voltage_kv"
                + " FROM range(" + substations + ") st(s), range(" + intervals + ") qt(q)", folder.resolve("grid_load.parquet"));
        return dataset("城市电网负荷", "City power grid load",
                "各变电站 15 分钟粒度负荷与电压监测，涉及关键信息基础设施运行。"
                        + " / 15-minute load and voltage at each substation: critical infrastructure operations.",
                "能源/电力", Grade.CORE, "dept-energy", "发展和改革委员会（能源局）",
                "grid_load.parquet", substations * intervals, "substation_id", List.of(
                        column("substation_id", "VARCHAR", ColumnTag.IDENTIFIER, "变电站编号 / substation"),
                        column("feeder_id", "VARCHAR", ColumnTag.ATTRIBUTE, "馈线编号 / feeder"),
                        column("district_code", "VARCHAR", ColumnTag.QUASI_IDENTIFIER, "所在区县 / district"),
                        column("measured_at", "TIMESTAMP", ColumnTag.ATTRIBUTE, "采集时间 / time measured"),
                        column("load_mw", "DOUBLE", ColumnTag.METRIC, "有功负荷（兆瓦）/ active load, MW"),
                        column("voltage_kv", "DOUBLE", ColumnTag.METRIC, "母线电压（千伏）/ bus voltage, kV")));
    }

    /** A table of synthetic residents: seq, person_id, id_card_no (with its check digit), full_name, age, gender, district_code. */
    private void residents(DuckDBConnection duck, String table, long count, long tableSeed) throws SQLException {
        try (Statement sql = duck.createStatement()) {
            sql.execute("CREATE OR REPLACE TABLE " + table + " (seq UBIGINT, person_id VARCHAR, id_card_no VARCHAR,"
                    + " full_name VARCHAR, age INTEGER, gender VARCHAR, district_code VARCHAR)");
        }
        String[] surnames = {"陈", "林", "黄", "张", "李", "王", "吴", "刘", "蔡", "郑", "杨", "许"};
        String[] given = {"伟", "芳", "强", "敏", "静", "磊", "洋", "婷", "杰", "娜", "建华", "秀英", "志明", "丽娟"};
        Random random = new Random(tableSeed);
        try (DuckDBAppender append = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            for (long i = 0; i < count; i++) {
                String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
                int age = 1 + random.nextInt(90);
                boolean male = random.nextBoolean();
                int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
                append.beginRow();
                append.append(i);
                append.append(String.format("P%010d", tableSeed % 1000 * 10_000_000L + i));
                append.append(ResidentIdNumber.of(district, 2026 - age, 1 + random.nextInt(12), 1 + random.nextInt(28), sequence));
                append.append(surnames[random.nextInt(surnames.length)] + given[random.nextInt(given.length)]);
                append.append(age);
                append.append(male ? "男" : "女");
                append.append(district);
                append.endRow();
            }
        }
    }

    private static String organizationCode(Random random) {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 9; i++) {
            code.append(Uscc.ALPHABET.charAt(random.nextInt(i < 8 ? Uscc.ALPHABET.length() : 10)));
        }
        return code.toString();
    }

    private static void copy(DuckDBConnection duck, String select, Path target) throws SQLException {
        try (Statement sql = duck.createStatement()) {
            sql.execute("COPY (" + select + ") TO '" + target.toAbsolutePath().toString().replace("'", "''")
                    + "' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)");
        }
    }

    private static DatasetDescriptor dataset(String nameZh, String nameEn, String description, String category,
                                             Grade grade, String provider, String providerName, String file,
                                             long rowCount, String entityColumn, List<ColumnSpec> columns) {
        return new DatasetDescriptor(nameZh, nameEn, description, category, grade, provider, providerName, file,
                rowCount, entityColumn, columns, null, null, null, null, null, null, null);
    }

    /** The registration attributes of a generated dataset: update cycle, coverage, sharing and openness. */
    private static DatasetDescriptor registration(DatasetDescriptor d, UpdateFrequency frequency, LocalDate from,
                                                  LocalDate to, SharingType sharing, String condition, Openness openness) {
        return new DatasetDescriptor(d.nameZh(), d.nameEn(), d.description(), d.category(), d.grade(), d.provider(),
                d.providerName(), d.file(), d.rowCount(), d.entityColumn(), d.columns(), frequency, from, to,
                FUZHOU, sharing, condition, openness);
    }

    private static ColumnSpec column(String name, String type, ColumnTag tag, String description) {
        return new ColumnSpec(name, type, tag, description);
    }

    /** A column a query may sum or average under differential privacy: its declared range and grid. */
    private static ColumnSpec bounded(ColumnSpec column, String lower, String upper, String granularity) {
        return column.withBounds(new java.math.BigDecimal(lower), new java.math.BigDecimal(upper), new java.math.BigDecimal(granularity));
    }

    /** Rows of a Parquet file, read back by DuckDB. */
    public static long countRows(Path parquet) throws SQLException {
        try (var duck = DuckDb.inMemory();
             Statement sql = duck.createStatement();
             ResultSet rs = sql.executeQuery("SELECT count(*) FROM read_parquet('"
                     + parquet.toAbsolutePath().toString().replace("'", "''") + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
